package io.lossreview.scheduler.actions;

import io.lossreview.contracts.review.ActionStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** A row of action_item, mapped by Hibernate ORM (plain CRUD: no hand-written SQL needed). */
@Entity
@Table(name = "action_item")
public class ActionItemEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String cause;
    @Column(nullable = false)
    public String description;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;
    @Convert(converter = MonthText.class)
    @Column(name = "opened_month", nullable = false)
    public YearMonth openedMonth;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    static ActionItemEntity of(ActionItem a) {
        ActionItemEntity e = new ActionItemEntity();
        e.id = a.id();
        e.cause = a.cause();
        e.description = a.description();
        e.owner = a.owner();
        e.dueDate = a.dueDate();
        e.status = a.status();
        e.openedMonth = a.openedMonth();
        e.createdAt = a.createdAt();
        e.createdBy = a.createdBy();
        e.updatedAt = a.updatedAt();
        e.updatedBy = a.updatedBy();
        return e;
    }

    ActionItem toItem() {
        return new ActionItem(id, cause, description, owner, dueDate, status, openedMonth, createdAt, createdBy,
                updatedAt, updatedBy);
    }

    /** Months are stored as yyyy-MM text, as everywhere in this schema. */
    @Converter
    public static class MonthText implements AttributeConverter<YearMonth, String> {

        @Override
        public String convertToDatabaseColumn(YearMonth month) {
            return month == null ? null : month.toString();
        }

        @Override
        public YearMonth convertToEntityAttribute(String text) {
            return text == null ? null : YearMonth.parse(text);
        }
    }
}
