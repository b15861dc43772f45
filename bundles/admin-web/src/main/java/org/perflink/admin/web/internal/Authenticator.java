package org.perflink.admin.web.internal;

import java.util.Optional;

/**
 * Checks a user name and password; in Karaf {@link JaasAuthenticator} against the {@code karaf} JAAS realm.
 * Implementations must not keep, log or echo the password.
 */
@FunctionalInterface
public interface Authenticator {

    /** The user with its roles, or empty when the credentials are wrong or cannot be checked. */
    Optional<AdminUser> authenticate(String username, char[] password);
}
