package io.lossreview.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Free-text reasons assembled from the phrase files (framing.txt, causes.txt): lead, optional negation, a core
 * statement of the cause, optional detail and closing, then occasional typos and sloppy casing. Thousands of
 * combinations per cause, so the platform must classify meaning, not match strings.
 */
final class Phrases {

    /** Who is writing: the customer in the cancel flow, or the account manager in the CRM. */
    enum Voice { BILLING, CRM }

    /** Per-customer facts a text may mention. */
    record Context(String competitor, String contactName, String contactTitle, int seats) {
    }

    private static final String EMPTY = "~";
    private static final Phrases INSTANCE = load("framing.txt", "causes.txt");

    private final Map<String, List<String>> sections;
    private final List<String[]> typos = new ArrayList<>(); // {word, variant, variant...}

    private Phrases(Map<String, List<String>> sections) {
        this.sections = sections;
        for (String line : sections.getOrDefault("typo", List.of())) {
            int eq = line.indexOf('=');
            String[] variants = line.substring(eq + 1).split("\\|");
            String[] entry = new String[variants.length + 1];
            entry[0] = line.substring(0, eq);
            System.arraycopy(variants, 0, entry, 1, variants.length);
            typos.add(entry);
        }
    }

    static Phrases get() {
        return INSTANCE;
    }

    String compose(Cause cause, Voice voice, Rand r, Context ctx) {
        boolean crm = voice == Voice.CRM;
        List<String> parts = new ArrayList<>(6);
        add(parts, r.pick(section(crm ? "lead.crm" : "lead.billing")));
        if (sections.containsKey(cause.name() + ".noun") && r.chance(0.08)) {
            parts.add(negation(cause, r));
        }
        parts.add(r.pick(section(cause.name() + ".core")) + ".");
        if (r.chance(crm ? 0.4 : 0.25)) {
            parts.add(r.pick(section(cause.name() + ".detail")) + ".");
        }
        if (crm && r.chance(0.08)) { // mixed wording: a second, minor cause mentioned in passing
            Cause other = r.pick(Cause.values());
            if (other != cause && other != Cause.INVOLUNTARY && other != Cause.OTHER) {
                parts.add("Also mentioned: " + lowerFirst(r.pick(section(other.name() + ".core"))) + ".");
            }
        }
        add(parts, r.pick(section(crm ? "close.crm" : "close.billing")));
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(text.length() == 0 ? "" : " ").append(upperFirst(fill(part, crm, r, ctx)));
        }
        return sloppy(text.toString(), r);
    }

    /** Short note on the second and third subscription of the same customer. */
    String secondary(Rand r) {
        return r.pick(section("secondary"));
    }

    private String negation(Cause cause, Rand r) {
        Cause other;
        do {
            other = r.pick(Cause.values());
        } while (other == cause || other == Cause.COMPETITOR || !sections.containsKey(other.name() + ".noun"));
        String otherNoun = r.pick(section(other.name() + ".noun"));
        String thisNoun = r.pick(section(cause.name() + ".noun"));
        return r.pick(section("negation"))
                .replace("{Other}", upperFirst(otherNoun)).replace("{other}", otherNoun)
                .replace("{This}", upperFirst(thisNoun)).replace("{this}", thisNoun);
    }

    private String fill(String template, boolean crm, Rand r, Context ctx) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open).append(slot(template.substring(open + 1, close), crm, r, ctx));
            i = close + 1;
        }
        return out.toString();
    }

    private String slot(String name, boolean crm, Rand r, Context ctx) {
        return switch (name) {
            case "We" -> crm ? "They" : "We";
            case "we" -> crm ? "they" : "we";
            case "Our" -> crm ? "Their" : "Our";
            case "our" -> crm ? "their" : "our";
            case "us" -> crm ? "them" : "us";
            case "product" -> r.pick(section(crm ? "product.crm" : "product.billing"));
            case "competitor" -> ctx.competitor();
            case "feature" -> r.pick(section("feature"));
            case "pct" -> Integer.toString(r.between(8, 40));
            case "n" -> Integer.toString(r.between(3, 14));
            case "q" -> Integer.toString(r.between(1, 4));
            case "seats" -> Integer.toString(Math.max(2, ctx.seats()));
            case "title" -> ctx.contactTitle() == null ? "main contact" : ctx.contactTitle();
            case "contact" -> ctx.contactName() == null ? "the champion" : ctx.contactName();
            default -> throw new IllegalStateException("unknown slot {" + name + "} in the phrase files");
        };
    }

    /** People type fast: some texts get a typo or two, lose their casing or their final full stop. */
    private String sloppy(String text, Rand r) {
        if (r.chance(0.15)) {
            int edits = r.between(1, 2);
            for (int attempt = 0; attempt < 6 && edits > 0; attempt++) {
                String[] typo = r.pick(typos);
                if (text.contains(typo[0])) {
                    int at = text.indexOf(typo[0]);
                    text = text.substring(0, at) + typo[r.between(1, typo.length - 1)] + text.substring(at + typo[0].length());
                    edits--;
                }
            }
        }
        if (r.chance(0.06)) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (r.chance(0.12) && text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private List<String> section(String name) {
        List<String> lines = sections.get(name);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException("phrase section [" + name + "] is missing");
        }
        return lines;
    }

    private static void add(List<String> parts, String choice) {
        if (!choice.equals(EMPTY)) {
            parts.add(choice);
        }
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        if (s.startsWith("{We}") || s.startsWith("{Our}")) {
            return "{" + Character.toLowerCase(s.charAt(1)) + s.substring(2);
        }
        boolean acronym = s.length() > 1 && Character.isUpperCase(s.charAt(1));
        return s.isEmpty() || acronym || s.startsWith("{") ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Phrases load(String... files) {
        Map<String, List<String>> sections = new HashMap<>();
        for (String file : files) {
            try (InputStream in = Phrases.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("phrase file " + file + " not found next to " + Phrases.class.getName());
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> current = null;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("[") && line.endsWith("]")) {
                        current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                    } else if (current != null) {
                        current.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        sections.replaceAll((k, v) -> List.copyOf(v));
        return new Phrases(sections);
    }
}
