package com.example.orders.partner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Talks to the partner's on-premise stock service, which still uses a self-signed cert. */
public final class LegacyPartnerClient {

    private static final URI BASE = URI.create("https://stock.partner.example:9443/");

    private final HttpClient client;

    public LegacyPartnerClient() throws Exception {
        this.client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(trustAll())
            .proxy(ProxySelector.of(new InetSocketAddress("egress.internal", 3128)))
            .build();
    }

    private static SSLContext trustAll() throws Exception {
        TrustManager[] managers = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, managers, new SecureRandom());
        return ctx;
    }

    public String stockLevel(String sku) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(BASE.resolve("stock/" + sku))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .GET()
            .build();
        HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException("partner returned " + res.statusCode());
        }
        return res.body();
    }

    public static boolean partnerResolves() {
        try {
            return InetAddress.getAllByName(BASE.getHost()).length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String skuPath(String sku) {
        return "stock/" + sku.trim().toUpperCase();
    }
}
