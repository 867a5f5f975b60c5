package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.basic;
import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("3")
class AuthenticationTest {

    private final Accounts accounts =
            new Accounts().add("alice", "wonderland", "admin").add("bob", "can:we:fix:it", "editor");
    private final Handler handler = new Authentication(accounts).wrap(MiddlewareRequests::whoAmI);

    private String seen(HttpRequest request) throws Exception {
        return MiddlewareRequests.text(handler.handle(request));
    }

    @Test
    void theRightPasswordPassesTheUserAndRoleOn() throws Exception {
        assertThat(seen(request("GET", "/", "127.0.0.1", "Authorization", basic("alice", "wonderland"))))
                .as("what the handler saw of a request with alice's right password")
                .isEqualTo("user=alice role=admin");
    }

    @Test
    void thePasswordIsEverythingAfterTheFirstColon() throws Exception {
        assertThat(seen(request("GET", "/", "127.0.0.1", "Authorization", basic("bob", "can:we:fix:it"))))
                .as("bob's password can:we:fix:it holds colons")
                .isEqualTo("user=bob role=editor");
    }

    @Test
    void theSchemeNameIsCaseInsensitive() throws Exception {
        String credentials = basic("alice", "wonderland").substring("Basic ".length());
        assertThat(seen(request("GET", "/", "127.0.0.1", "Authorization", "bAsIc " + credentials)))
                .as("Authorization: bAsIc <alice's credentials>")
                .isEqualTo("user=alice role=admin");
    }

    @Test
    void noCredentialsIsAnonymousWithNoRole() throws Exception {
        assertThat(seen(request("GET", "/", "127.0.0.1")))
                .as("what the handler saw of a request with no Authorization")
                .isEqualTo("user=Anonymous role=-");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(
            strings = {
                "Basic YWxpY2U6d3Jvbmc=", // alice:wrong
                "Basic Y2Fyb2w6d29uZGVybGFuZA==", // carol:wonderland (no such user)
                "Basic YWxpY2Ut", // alice- (no colon)
                "Basic !!!not-base64!!!",
                "Bearer YWxpY2U6d29uZGVybGFuZA==", // alice:wonderland, but not Basic
                "Basic"
            })
    void credentialsThatDoNotProveAnAccountAreAnonymous(String authorization) throws Exception {
        assertThat(seen(request("GET", "/", "127.0.0.1", "Authorization", authorization)))
                .as("what the handler saw of a request with Authorization: %s", authorization)
                .isEqualTo("user=Anonymous role=-");
    }

    @Test
    void identityHeadersTheClientSentAreRemoved() throws Exception {
        assertThat(seen(request(
                        "GET", "/", "127.0.0.1", Authentication.USER_HEADER, "alice", "x-authenticated-role", "admin")))
                .as("a client that sent X-Authenticated-User: alice and x-authenticated-role: admin, no password")
                .isEqualTo("user=Anonymous role=-");
        assertThat(seen(request(
                        "GET",
                        "/",
                        "127.0.0.1",
                        "Authorization",
                        basic("bob", "can:we:fix:it"),
                        Authentication.ROLE_HEADER,
                        "admin")))
                .as("bob, an editor, who also sent X-Authenticated-Role: admin")
                .isEqualTo("user=bob role=editor");
    }

    @Test
    void otherHeadersPassUntouched() throws Exception {
        Handler echo = new Authentication(accounts)
                .wrap(request -> HttpResponse.text(
                        200,
                        request.header("Accept").orElse("-") + " "
                                + request.header("Authorization").orElse("-")));
        String authorization = basic("alice", "wonderland");
        HttpResponse response =
                echo.handle(request("GET", "/", "127.0.0.1", "Accept", "text/plain", "Authorization", authorization));

        assertThat(MiddlewareRequests.text(response))
                .as("Accept and Authorization as the handler saw them")
                .isEqualTo("text/plain " + authorization);
    }

    @Test
    void undecodableUtf8IsAnonymous() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(new byte[] {'a', (byte) 0xff, ':', 'x'});
        assertThat(seen(request("GET", "/", "127.0.0.1", "Authorization", "Basic " + credentials)))
                .as("Basic credentials that are not UTF-8")
                .isEqualTo("user=Anonymous role=-");
    }

    @Test
    void accountsRejectANameWithAColon() {
        assertThatThrownBy(() -> new Accounts().add("a:b", "pw", "admin"))
                .as("add(\"a:b\", ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a:b");
    }
}
