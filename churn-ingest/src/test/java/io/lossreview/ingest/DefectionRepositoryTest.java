package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lossreview.ingest.defection.Defection;
import io.lossreview.ingest.defection.DefectionRepository;
import io.lossreview.ingest.defection.DefectionRepository.Saved;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A defection's first revision is inserted, later ones update it; an update that finds no row fails. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class DefectionRepositoryTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 3);

    @Inject
    DefectionRepository defections;

    @Test
    void firstRevisionIsInsertedAndLaterOnesUpdateIt() {
        String customer = newCustomer();
        Defection d = Defection.open(customer, Instant.parse("2025-03-04T10:00:00Z"));
        save(d);
        assertEquals(List.of(1), revisions(customer));

        Defection loaded = defections.findByCustomers(List.of(customer)).get(0);
        loaded.anchorAt = Instant.parse("2025-03-01T10:00:00Z");
        save(loaded);
        List<Defection> stored = defections.findByCustomers(List.of(customer));
        assertEquals(List.of(2), revisions(customer), "updated in place, not a second row");
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), stored.get(0).anchorAt);
    }

    @Test
    void updateOfAnUnstoredDefectionFailsInsteadOfLosingTheChange() {
        String customer = newCustomer();
        Defection never = Defection.open(customer, Instant.parse("2025-03-04T10:00:00Z"));
        never.commitChange(); // as if revision 1 had been stored
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> save(never));
        assertEquals("Updated 0 of 1 stored defections", e.getMessage());
        assertEquals(List.of(), revisions(customer), "the failed transaction stored nothing");
    }

    private void save(Defection d) {
        d.commitChange();
        QuarkusTransaction.requiringNew().run(() -> defections.saveAll(List.of(new Saved(d, MONTH))));
    }

    private List<Integer> revisions(String customer) {
        return defections.findByCustomers(List.of(customer)).stream().map(d -> d.revision).toList();
    }
}
