package org.perflink.admin.web.internal;

import java.io.IOException;
import java.security.SecureRandom;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The page at {@code /admin/} ({@code /} and {@code /admin} redirect to it), registered on {@code /}: the context's
 * default servlet, so that any other path of the context answers a JSON 404 after the login, as the API does.
 */
final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient String template = AdminPage.template();
    private final transient SecureRandom random = new SecureRandom();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        AdminUser user = AdminContext.user(req);
        if (!path.equals("/") && !path.equals("/admin") && !path.equals("/admin/")) {
            Responses.error(resp, 404, "未找到 (not found)");
            return;
        }
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            resp.setHeader("Allow", "GET");
            Responses.error(resp, 405, "不支持此方法 (method not allowed)");
            return;
        }
        if (!user.may(Permission.READ)) {
            Responses.error(resp, 403, ApiServlet.insufficient(Permission.READ));
            return;
        }
        if (path.equals("/admin/")) {
            Responses.page(resp, template, random);
        } else {
            Responses.redirect(resp, "/admin/");
        }
    }
}
