package io.lossreview.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every REST Assured request of a service's tests carries a valid internal token for that service
 * (as the tests' operator), since every route but health requires one; a test that wants another
 * caller sets its own Authorization header ({@link #as}), which is then left alone. The refusals
 * are tested without REST Assured ({@link InternalAuthTest}).
 */
public class DefaultTestCaller implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String service = service();
        if ("api-gateway".equals(service)) {
            return; // the gateway authenticates people with the identity provider's tokens, set per test
        }
        RestAssured.replaceFiltersWith(new OperatorToken(service));
    }

    /** An Authorization header value for a request as this person (with these groups). */
    public static String as(String subject, String... groups) {
        return "Bearer " + TestTokens.person(service(), subject, groups);
    }

    private static String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private record OperatorToken(String service) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + TestTokens.operator(service));
            }
            return context.next(request, response);
        }
    }
}
