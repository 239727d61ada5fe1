package com.example.orders.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.stereotype.Service;

@Service
public class JwtService {

    private static final String SIGNING_SECRET = "orders-service-signing-secret-2023-change-me-please";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final SecretKey key = Keys.hmacShaKeyFor(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8));

    public record TokenInfo(String subject, List<String> roles, Instant expiresAt) {
        public boolean isExpired(Instant now) {
            return now.isAfter(expiresAt);
        }
    }

    public String issue(String subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder()
            .subject(subject)
            .claims(Map.of("roles", roles))
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(TOKEN_LIFETIME)))
            .signWith(key)
            .compact();
    }

    @SuppressWarnings("unchecked")
    public TokenInfo parse(String token) {
        try {
            Claims claims = Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
            List<String> roles = (List<String>) claims.getOrDefault("roles", List.of());
            return new TokenInfo(claims.getSubject(), roles, claims.getExpiration().toInstant());
        } catch (JwtException e) {
            throw new InvalidTokenException("token rejected", e);
        }
    }

    public static String maskForLog(String token) {
        if (token == null || token.length() < 12) {
            return "***";
        }
        return token.substring(0, 6) + "…" + token.substring(token.length() - 4);
    }

    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
