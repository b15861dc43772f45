package org.perflink.admin.web.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to a JAAS realm — by default {@value #KARAF_REALM}, the realm Karaf's shell and SSH use
 * ({@code etc/users.properties} unless configured otherwise) — and reads the user's roles from the subject's
 * role principals ({@code org.apache.karaf.jaas.boot.principal.RolePrincipal}, boot-delegated by Karaf; matched
 * by simple class name, as the user principal is, so this bundle imports no Karaf JAAS
 * package). Groups need no handling: Karaf's login modules add a role principal for every role of the user's
 * groups.
 * <p>
 * Karaf's JAAS configuration loads its proxy login module through the thread context class loader, which is
 * set to this bundle's for the login (that loader reaches {@code org.apache.karaf.jaas.boot} by boot
 * delegation).
 */
public final class JaasAuthenticator implements Authenticator {

    public static final String KARAF_REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;
    private final Configuration configuration;

    /** The {@code karaf} realm of the JVM's JAAS configuration (Karaf installs its own). */
    public JaasAuthenticator() {
        this(KARAF_REALM, null);
    }

    /** {@code configuration} null: the JVM's JAAS configuration. */
    public JaasAuthenticator(String realm, Configuration configuration) {
        this.realm = realm;
        this.configuration = configuration;
    }

    @Override
    public Optional<AdminUser> authenticate(String username, char[] password) {
        Subject subject = new Subject();
        CallbackHandler handler = callbacks -> {
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback name) {
                    name.setName(username);
                } else if (cb instanceof PasswordCallback pw) {
                    pw.setPassword(password); // PasswordCallback keeps a copy, cleared by the login module
                } else {
                    throw new UnsupportedCallbackException(cb);
                }
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext context = configuration == null ? new LoginContext(realm, subject, handler)
                    : new LoginContext(realm, subject, handler, configuration);
            context.login();
            try {
                return Optional.of(userOf(subject, username));
            } finally {
                try {
                    context.logout();
                } catch (LoginException e) {
                    LOG.debug("JAAS logout failed: {}", e.getMessage());
                }
            }
        } catch (FailedLoginException | AccountException | CredentialException e) {
            return Optional.empty(); // wrong user or password: the caller answers 401 (never log the credentials)
        } catch (LoginException | SecurityException e) {
            LOG.warn("JAAS realm '{}' cannot check credentials: {}", realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The subject's user principal (else the name it logged in with) and its role principals. */
    static AdminUser userOf(Subject subject, String username) {
        String user = null;
        Set<String> roles = new TreeSet<>();
        for (Principal p : subject.getPrincipals()) {
            String kind = p.getClass().getSimpleName();
            if (p.getName() == null) {
                continue;
            }
            if ("RolePrincipal".equals(kind)) {
                roles.add(p.getName());
            } else if ("UserPrincipal".equals(kind) && user == null && !p.getName().isBlank()) {
                user = p.getName();
            }
        }
        return new AdminUser(user == null ? username : user, roles);
    }
}
