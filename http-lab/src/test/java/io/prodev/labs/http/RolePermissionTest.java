package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.basic;
import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Task("3")
class RolePermissionTest {

    private final Accounts accounts = new Accounts()
            .add("alice", "wonderland", "admin")
            .add("bob", "builder", "editor")
            .add("eve", "apple", "Admin");
    private final AtomicInteger reached = new AtomicInteger();
    private final Handler handler = Chain.of(
                    new Authentication(accounts), new RolePermission(Set.of("admin", "moderator")))
            .then(request -> {
                reached.incrementAndGet();
                return HttpResponse.text(200, "ok");
            });

    private int status(String... headers) throws Exception {
        return handler.handle(request("GET", "/", "127.0.0.1", headers)).status();
    }

    @Test
    void anAllowedRolePasses() throws Exception {
        assertThat(status("Authorization", basic("alice", "wonderland")))
                .as("alice, an admin, where admin and moderator are allowed")
                .isEqualTo(200);
        assertThat(reached.get()).as("times the handler ran").isEqualTo(1);
    }

    @Test
    void anotherRoleIsForbidden() throws Exception {
        assertThat(status("Authorization", basic("bob", "builder")))
                .as("bob, an editor, where admin and moderator are allowed")
                .isEqualTo(403);
        assertThat(reached.get())
                .as("times the handler ran for a refused request")
                .isZero();
    }

    @Test
    void rolesCompareWithTheirCase() throws Exception {
        assertThat(status("Authorization", basic("eve", "apple")))
                .as("eve, whose role is Admin, where admin is allowed")
                .isEqualTo(403);
    }

    @Test
    void anonymousIsForbidden() throws Exception {
        assertThat(status()).as("a request with no credentials").isEqualTo(403);
        assertThat(status(Authentication.ROLE_HEADER, "admin"))
                .as("a request with no credentials that sent X-Authenticated-Role: admin itself")
                .isEqualTo(403);
    }

    @Test
    void noRoleAtAllIsRefused() {
        assertThatThrownBy(() -> new RolePermission(Set.of()))
                .as("new RolePermission(Set.of())")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedRoles");
    }

    @Test
    void aBlankRoleIsRefused() {
        assertThatThrownBy(() -> new RolePermission(Set.of("admin", " ")))
                .as("new RolePermission(Set.of(\"admin\", \" \"))")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
    }
}
