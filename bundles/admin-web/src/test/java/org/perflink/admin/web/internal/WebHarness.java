package org.perflink.admin.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.perflink.admin.api.AdminOperations;

/**
 * The page and API servlets in an embedded Jetty 9.4 (the one Pax Web 8 runs), laid out as the whiteboard lays
 * them out: context {@code /} whose security hook ({@link AdminContext#handleSecurity}) runs before any servlet,
 * the page as the default servlet, the API on {@code /api/admin/v1/*}.
 */
final class WebHarness implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private WebHarness(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static WebHarness start(AdminOperations operations, Authenticator authenticator, OriginCheck origins, Clock clock)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        AdminContext context = new AdminContext(authenticator, new LoginThrottle(clock));
        ServletContextHandler handler = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        handler.setContextPath("/");
        Filter security = new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                    throws IOException, ServletException {
                if (context.handleSecurity((HttpServletRequest) req, (HttpServletResponse) resp)) {
                    chain.doFilter(req, resp);
                }
            }
        };
        handler.addFilter(new FilterHolder(security), "/*", EnumSet.of(DispatcherType.REQUEST));
        handler.addServlet(new ServletHolder(new PageServlet()), "/");
        handler.addServlet(new ServletHolder(new ApiServlet(operations, origins, clock)), ApiServlet.API + "/*");
        server.setHandler(handler);
        server.start();
        return new WebHarness(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
