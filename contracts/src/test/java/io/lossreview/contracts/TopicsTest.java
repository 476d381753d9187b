package io.lossreview.contracts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    @Test
    void csvListsTheTenTopicsWithSixPartitions() {
        assertEquals(List.of(
                new Topic("billing.subscription-started", 6),
                new Topic("billing.subscription-changed", 6),
                new Topic("billing.subscription-cancelled", 6),
                new Topic("billing.subscription-reactivated", 6),
                new Topic("crm.account-churned", 6),
                new Topic("loss.defections", 6),
                new Topic("loss.rejected", 6),
                new Topic("loss.base", 6),
                new Topic("loss.analysis", 6),
                new Topic("loss.review", 6)), Topics.all());
    }

    @Test
    void csvIsTriviallyParseableByAShellScript() {
        List<String> lines = TestResources.text(Topics.RESOURCE).lines().toList();
        assertEquals("name,partitions", lines.get(0));
        assertEquals(11, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("[a-z][a-z0-9.-]*,[0-9]+"), "plain name,partitions line: " + line);
        }
        assertTrue(TestResources.text(Topics.RESOURCE).endsWith("\n"), "last line must end with a newline for `read`");
    }

    @Test
    void constantsMatchTheCsv() throws IllegalAccessException {
        List<String> constants = Arrays.stream(Topics.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && f.getType() == String.class)
                .map(TopicsTest::value)
                .toList();
        assertEquals(Topics.all().stream().map(Topic::name).toList(), constants);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
