package io.lossreview.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The running platform the browser tests use, as deploy/local/e2e-year.sh passes it: the gateway's
 * URL, the month of the demo data, and a dev token per role. The API is used to set up and to
 * read the figures the pages must show.
 */
final class Platform {

    static final String GATEWAY = required("gateway.url");
    static final String MONTH = System.getProperty("review.month", "2025-12");
    static final String EXECUTIVE = required("token.executive");
    static final String OTHER_EXECUTIVE = required("token.other-executive");
    /** The other executive's roster id (their token's user is their e-mail). */
    static final String OTHER_EXECUTIVE_ID = required("other-executive.id");
    static final String OPS = required("token.ops");
    static final String ADMIN = required("token.admin");
    static final String SOURCE_SYSTEM = required("token.source-system");
    /** Who signs in through the identity provider's login page (user:password). */
    static final Person EXECUTIVE_SIGNIN = Person.of(required("signin.executive"));
    static final Person OPS_SIGNIN = Person.of(required("signin.ops"));
    static final Person ADMIN_SIGNIN = Person.of(required("signin.admin"));

    /** A person's sign-in at the identity provider. */
    record Person(String user, String password) {
        static Person of(String userColonPassword) {
            int colon = userColonPassword.indexOf(':');
            return new Person(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Platform() {
    }

    static JsonNode get(String token, String path) {
        return ok(send(token, HttpRequest.newBuilder(URI.create(GATEWAY + path)).GET()));
    }

    /** One page of the review queue: a month, and its items with stated-reason words or those without. */
    record QueuePage(String month, boolean words) {
        String path() {
            return "/app/review-queue?month=" + month + "&words=" + words;
        }
    }

    /**
     * The newest review-queue page listing at least this many items, items with words preferred. Which classifications
     * are unsure enough to wait for a person depends on the classifier's model, which learns from a growing corpus, so
     * a test that needs queued items looks for them instead of assuming a month has some.
     */
    static QueuePage reviewQueue(int items) {
        JsonNode months = get(OPS, "/api/v1/review-queue/months");
        QueuePage withoutWords = null;
        for (JsonNode month : months) {
            int without = month.path("withoutWords").asInt();
            if (month.path("items").asInt() - without >= items) {
                return new QueuePage(month.path("month").asText(), true);
            }
            if (without >= items && withoutWords == null) {
                withoutWords = new QueuePage(month.path("month").asText(), false);
            }
        }
        if (withoutWords == null) {
            throw new AssertionError("no month's review queue lists " + items + " items on one page: " + months);
        }
        return withoutWords;
    }

    static JsonNode post(String token, String path, String contentType, String body) {
        return ok(send(token, HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** The bytes of a successful GET. */
    static byte[] bytes(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer at " + GATEWAY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with the token as bearer; without one (null) it goes anonymous. */
    static HttpResponse<String> send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer at " + GATEWAY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("no JSON from " + r.request().uri(), e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is required: run these tests through deploy/local/e2e-year.sh");
        }
        return value;
    }
}
