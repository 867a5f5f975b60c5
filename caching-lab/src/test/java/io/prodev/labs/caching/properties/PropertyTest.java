package io.prodev.labs.caching.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("7")
class PropertyTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T09:00:00Z");

    private static Property listing(String title, String price, String location) {
        return Property.unsaved(title, "", new BigDecimal(price), location, CREATED);
    }

    @Test
    void acceptsATitleOf200AndALocationOf100Characters() {
        Property property = listing("t".repeat(200), "10.00", "l".repeat(100));

        assertThat(property.title()).as("a 200-character title is allowed").hasSize(200);
        assertThat(property.location())
                .as("a 100-character location is allowed")
                .hasSize(100);
    }

    @Test
    void rejectsATitleLongerThan200CharactersNamingItsLength() {
        assertThatThrownBy(() -> listing("t".repeat(201), "10.00", "Addis Ababa"))
                .as("a Property with a 201-character title must be rejected with a message naming title and 201")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title")
                .hasMessageContaining("201");
    }

    @Test
    void rejectsALocationLongerThan100CharactersNamingItsLength() {
        assertThatThrownBy(() -> listing("Loft", "10.00", "l".repeat(101)))
                .as("a Property with a 101-character location must be rejected with a message naming location and 101")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location")
                .hasMessageContaining("101");
    }

    @ParameterizedTest(name = "price {0} is rejected")
    @ValueSource(strings = {"-0.01", "-1250.00"})
    void rejectsANegativePriceNamingIt(String price) {
        assertThatThrownBy(() -> listing("Loft", price, "Addis Ababa"))
                .as("a Property priced %s must be rejected with a message naming the price", price)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(price);
    }

    @Test
    void rejectsAPriceWithMoreThanTwoDecimalsRatherThanRoundingIt() {
        assertThatThrownBy(() -> listing("Loft", "10.005", "Addis Ababa"))
                .as("a Property priced 10.005 must be rejected, not rounded, with a message naming the price")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.005");
    }

    @ParameterizedTest(name = "price {0} is held as {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1250, 1250.00", "830.5, 830.50", "0, 0.00", "99.990, 99.99"})
    void holdsEveryPriceWithTwoDecimals(String given, String held) {
        assertThat(listing("Loft", given, "Addis Ababa").price())
                .as("the price of a Property created with %s", given)
                .isEqualTo(new BigDecimal(held));
    }

    @Test
    void rejectsABlankTitle() {
        assertThatThrownBy(() -> listing("  ", "10.00", "Addis Ababa"))
                .as("a Property with a blank title must be rejected")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title");
    }

    @ParameterizedTest(name = "location \"{0}\" is rejected")
    @ValueSource(strings = {"", "   "})
    void rejectsABlankLocation(String location) {
        assertThatThrownBy(() -> listing("Loft", "10.00", location))
                .as("a Property with the blank location \"%s\" must be rejected, naming the field", location)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location");
    }
}
