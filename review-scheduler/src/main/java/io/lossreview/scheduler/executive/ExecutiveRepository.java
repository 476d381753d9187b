package io.lossreview.scheduler.executive;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The executive roster (table executive), through Hibernate ORM with Panache. Every method joins the
 * caller's transaction or runs in its own: the REST reads come without one.
 */
@ApplicationScoped
@Transactional
public class ExecutiveRepository implements PanacheRepositoryBase<ExecutiveEntity, String> {

    public List<Executive> all() {
        return listAll(Sort.by("id")).stream().map(ExecutiveEntity::toExecutive).toList();
    }

    public Optional<Executive> find(String id) {
        return findByIdOptional(id).map(ExecutiveEntity::toExecutive);
    }

    public Optional<Executive> byEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional().map(ExecutiveEntity::toExecutive);
    }

    /**
     * Creates the executive or replaces every field of the stored one. updated_at moves on every save,
     * changed or not, as with the upsert this replaced: a new value makes even an unchanged row dirty.
     */
    public void save(Executive e) {
        getEntityManager().merge(ExecutiveEntity.of(e, Instant.now()));
    }
}
