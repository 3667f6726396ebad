package bookbot.gateway.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a request through only with {@code Authorization: Bearer <BOOKBOT_ADMIN_TOKEN>}. Both tokens are hashed
 * before the constant-time comparison, so that neither the content nor the length of the right one leaks through
 * timing. Refusals are logged without the token presented.
 */
class AdminTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] expected;
    private final MeterRegistry registry;

    AdminTokenFilter(String token, MeterRegistry registry) {
        this.expected = sha256(token);
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, "no-token", "no bearer token");
            return;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(expected, presented)) {
            refuse(request, response, "wrong-token", "wrong token");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counted as {@code bookbot_admin_refused_total{reason}}: a rising count is someone guessing. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason, String why)
            throws IOException {
        registry.counter("bookbot.admin.refused", "reason", reason).increment();
        log.warn("admin API refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), why);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bookbot-admin\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"error\":\"" + why + ": send Authorization: Bearer <BOOKBOT_ADMIN_TOKEN>\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
