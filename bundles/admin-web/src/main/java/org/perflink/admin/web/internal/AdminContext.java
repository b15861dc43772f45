package org.perflink.admin.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.http.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet context of the page and the API (whiteboard context {@value #NAME}): its security hook logs every
 * request in with HTTP Basic through the {@link Authenticator} (Karaf's JAAS realm in the container) before any
 * servlet runs: 401 without or with wrong credentials, 429 while the {@link LoginThrottle} refuses that user. The
 * user is left in the request attribute {@link #USER}. The {@code Authorization} header and passwords are never
 * logged, stored or echoed.
 */
final class AdminContext extends ServletContextHelper {

    static final String NAME = "perflink-admin";
    static final String USER = AdminUser.class.getName();
    static final String REALM_HEADER = "Basic realm=\"PerfLink\", charset=\"UTF-8\"";

    private static final Logger LOG = LoggerFactory.getLogger(AdminContext.class);

    private final Authenticator authenticator;
    private final LoginThrottle throttle;

    AdminContext(Authenticator authenticator, LoginThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr() == null ? "?" : request.getRemoteAddr();
        char[] credentials = BasicCredentials.decode(request.getHeader("Authorization"));
        try {
            String name = credentials == null ? null : BasicCredentials.user(credentials);
            if (name == null) {
                response.setHeader("WWW-Authenticate", REALM_HEADER);
                Responses.error(response, 401, "需要登录 (authentication required)");
                return false;
            }
            long wait = throttle.blockedFor(name, address);
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                Responses.error(response, 429, "登录失败次数过多，请稍后再试 (too many failed logins; try again later)");
                return false;
            }
            Optional<AdminUser> user;
            char[] password = BasicCredentials.password(credentials);
            try {
                user = authenticator.authenticate(name, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            if (user.isEmpty()) {
                throttle.failed(name, address);
                LOG.warn("admin page: failed login from {}", address);
                response.setHeader("WWW-Authenticate", REALM_HEADER);
                Responses.error(response, 401, "用户名或密码错误 (wrong user name or password)");
                return false;
            }
            throttle.succeeded(name);
            request.setAttribute(USER, user.get());
            request.setAttribute(REMOTE_USER, user.get().name());
            request.setAttribute(AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
            return true;
        } finally {
            if (credentials != null) {
                Arrays.fill(credentials, '\0');
            }
        }
    }

    /** The user the security hook logged in. */
    static AdminUser user(HttpServletRequest request) {
        Object u = request.getAttribute(USER);
        if (!(u instanceof AdminUser user)) {
            throw new IllegalStateException("request not authenticated by " + NAME); // a servlet outside the context
        }
        return user;
    }
}
