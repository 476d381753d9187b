package io.lossreview.scheduler.actions;

import io.lossreview.contracts.review.ActionStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The action items (table action_item), through Hibernate ORM with Panache. Every method joins the
 * caller's transaction or runs in its own: the packet build reads actions outside one.
 */
@ApplicationScoped
@Transactional
public class ActionItemRepository implements PanacheRepositoryBase<ActionItemEntity, UUID> {

    private static final Sort DUE_FIRST = Sort.by("dueDate").and("id");

    /** Inserts a new item or overwrites the stored one (callers hold the transaction). */
    public void save(ActionItem a) {
        getEntityManager().merge(ActionItemEntity.of(a));
    }

    public Optional<ActionItem> find(UUID id) {
        return findByIdOptional(id).map(ActionItemEntity::toItem);
    }

    /** Actions opened up to this month, oldest due first. */
    public List<ActionItem> openedBy(YearMonth month) {
        return items(find("openedMonth <= ?1", DUE_FIRST, month).list());
    }

    public List<ActionItem> all(ActionStatus status) {
        return items(status == null ? findAll(DUE_FIRST).list() : find("status", DUE_FIRST, status).list());
    }

    private static List<ActionItem> items(List<ActionItemEntity> rows) {
        return rows.stream().map(ActionItemEntity::toItem).toList();
    }
}
