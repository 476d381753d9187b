package io.lossreview.k8s;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's configuration table: which environment variables it documents for which service. */
final class Readme {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private Readme() {
    }

    /** The variables of every row whose "used by" names the service, or all services, or the consuming ones. */
    static Set<String> documentedFor(String service) {
        String readme = Repo.text("README.md");
        int start = readme.indexOf("\n## Configuration\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no '## Configuration' section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].contains("`")) {
                continue;
            }
            String usedBy = cells[3].strip();
            boolean forService = usedBy.contains(service)
                    || (usedBy.contains("consuming services") && Services.KAFKA_USERS.contains(service))
                    || (!usedBy.contains("consuming services") && usedBy.matches("(?i).*\\b(each service|services)\\b.*"));
            if (forService) {
                Matcher m = VARIABLE.matcher(cells[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
