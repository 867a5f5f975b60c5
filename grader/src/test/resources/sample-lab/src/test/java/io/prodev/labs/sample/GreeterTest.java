package io.prodev.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import org.junit.jupiter.api.Test;

@Task("1")
class GreeterTest {

    private final Greeter greeter = new Greeter();

    @Test
    void greetsByName() {
        assertThat(greeter.greet("Ada")).as("greet(\"Ada\")").isEqualTo("Hello, Ada!");
    }

    @Test
    void leavesOutTheSpacesAroundTheName() {
        assertThat(greeter.greet("  Ada ")).as("greet(\"  Ada \")").isEqualTo("Hello, Ada!");
    }

    @Test
    void refusesABlankName() {
        assertThatThrownBy(() -> greeter.greet(" ")).as("greet(\" \")").isInstanceOf(IllegalArgumentException.class);
    }
}
