package io.prodev.labs.caching.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("7")
class PropertyRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void insertGivesEachListingAnIdAndFindAllReturnsThemOldestFirst() {
        PropertyRepository repository = new PropertyRepository(dir.resolve("listings.db"));

        Property loft = repository.insert(Listings.loft());
        Property cottage = repository.insert(Listings.cottage());

        assertThat(loft.id()).as("id of the first inserted listing").isPositive();
        assertThat(cottage.id()).as("id of the second inserted listing").isGreaterThan(loft.id());
        assertThat(repository.findAll())
                .as("findAll() after inserting a loft, then a cottage")
                .containsExactly(loft, cottage);
    }

    @Test
    void keepsListingsInTheDatabaseFileAcrossRepositories() {
        Path file = dir.resolve("listings.db");
        Property loft = new PropertyRepository(file).insert(Listings.loft());

        assertThat(file).as("the SQLite database file").exists();
        assertThat(new PropertyRepository(file).findAll())
                .as("findAll() of a new repository on the same file (prices and times must come back exactly)")
                .containsExactly(loft);
    }

    @Test
    void storesTextThatLooksLikeSqlAsPlainText() {
        PropertyRepository repository = new PropertyRepository(dir.resolve("listings.db"));
        String title = "O'Brien's loft'); DROP TABLE property; --";

        repository.insert(Property.unsaved(title, "", new BigDecimal("1.00"), "Cork", Listings.CREATED));

        assertThat(repository.findAll())
                .as("findAll() after inserting a title full of quotes and SQL")
                .extracting(Property::title)
                .containsExactly(title);
    }

    @Test
    void updateReplacesTheStoredFieldsAndReportsWhetherTheListingExisted() {
        PropertyRepository repository = new PropertyRepository(dir.resolve("listings.db"));
        Property loft = repository.insert(Listings.loft());
        Property cheaper = new Property(
                loft.id(),
                loft.title(),
                loft.description(),
                new BigDecimal("999.00"),
                loft.location(),
                loft.createdAt());

        assertThat(repository.update(cheaper))
                .as("update() of a stored listing")
                .isTrue();
        assertThat(repository.findAll()).as("findAll() after the update").containsExactly(cheaper);
        assertThat(repository.update(cheaper.withId(loft.id() + 100)))
                .as("update() of an id that is not stored")
                .isFalse();
    }

    @Test
    void deleteRemovesTheListingAndReportsWhetherItExisted() {
        PropertyRepository repository = new PropertyRepository(dir.resolve("listings.db"));
        Property loft = repository.insert(Listings.loft());
        Property cottage = repository.insert(Listings.cottage());

        assertThat(repository.delete(loft.id()))
                .as("delete() of a stored listing")
                .isTrue();
        assertThat(repository.delete(loft.id()))
                .as("delete() of the same id a second time")
                .isFalse();
        assertThat(repository.findAll()).as("findAll() after deleting the loft").containsExactly(cottage);
    }

    @Test
    void insertRejectsAListingThatAlreadyHasAnId() {
        PropertyRepository repository = new PropertyRepository(dir.resolve("listings.db"));

        assertThatThrownBy(() -> repository.insert(Listings.loft().withId(7)))
                .as("insert() of a listing with id 7 must be rejected, naming the id")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
    }
}
