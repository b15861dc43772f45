package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.junit.jupiter.api.Test;

/** The JAAS path with a login module shaped like Karaf's (user and role principals), without Karaf. */
class JaasAuthenticatorTest {

    /** Named like Karaf's principals: the authenticator matches them by simple class name. */
    public record UserPrincipal(String getName) implements Principal {
    }

    public record RolePrincipal(String getName) implements Principal {
    }

    public record GroupPrincipal(String getName) implements Principal {
    }

    /** ada / ada-pw with roles perflink-admin and viewer; anything else fails. */
    public static final class TestLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.getMessage());
            }
            if (!"ada".equals(name.getName()) || !"ada-pw".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong password");
            }
            password.clearPassword();
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal("perflink-admin"));
            subject.getPrincipals().add(new RolePrincipal("viewer"));
            subject.getPrincipals().add(new GroupPrincipal("admingroup"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration CONFIG = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "karaf".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                    TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                    : null;
        }
    };

    @Test
    void aGoodPasswordGivesTheUserAndItsRoles() {
        Optional<AdminUser> user = new JaasAuthenticator("karaf", CONFIG).authenticate("ada", "ada-pw".toCharArray());
        assertTrue(user.isPresent());
        assertEquals("ada", user.get().name());
        assertEquals(Set.of("perflink-admin", "viewer"), user.get().roles(), "role principals only, not groups");
        assertTrue(user.get().may(Permission.TOGGLE));
    }

    @Test
    void aWrongPasswordOrAMissingRealmGivesNothing() {
        assertTrue(new JaasAuthenticator("karaf", CONFIG).authenticate("ada", "nope".toCharArray()).isEmpty());
        assertTrue(new JaasAuthenticator("karaf", CONFIG).authenticate("eve", "ada-pw".toCharArray()).isEmpty());
        assertTrue(new JaasAuthenticator("other", CONFIG).authenticate("ada", "ada-pw".toCharArray()).isEmpty());
    }
}
