package io.lossreview.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A contact person no log has ever seen: an e-mail address and a phone number made up for one test,
 * so finding any part of them in the logs means this test's data leaked there.
 */
public record TestContact(String name, String title, String email, String phone) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COUNTRY_CODE = "+44 ";

    public static TestContact unique() {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tag.append("abcdefghijkmnpqrstuvwxyz23456789".charAt(RANDOM.nextInt(32)));
        }
        // 07700 900000-900999 is Ofcom's range for drama; the rest of the digits are random.
        String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
        return new TestContact("Robin Probe", "Head of Probing", "robin.probe." + tag + "@contact-probe.example.com",
                COUNTRY_CODE + "7700 9" + digits.substring(0, 2) + " " + digits.substring(2));
    }

    public String emailLocalPart() {
        return email.substring(0, email.indexOf('@'));
    }

    /** The number without its country code, as written: "7700 912 3456". */
    public String nationalNumber() {
        return phone.substring(COUNTRY_CODE.length());
    }

    /**
     * Every form in which the contact could show in a log: the e-mail and its local part, the phone as
     * written, without its country code and as bare digits, and the hex of the e-mail's local part
     * and of the phone (how PostgreSQL shows bytea, e.g. a dead letter's payload in an error's detail).
     */
    public List<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(email);
        forms.add(emailLocalPart());
        forms.add(phone);
        forms.add(nationalNumber());
        forms.add(phone.replaceAll("[^0-9]", ""));
        forms.add(nationalNumber().replaceAll("[^0-9]", ""));
        forms.add(HexFormat.of().formatHex(emailLocalPart().getBytes(StandardCharsets.UTF_8)));
        forms.add(HexFormat.of().formatHex(phone.getBytes(StandardCharsets.UTF_8)));
        return List.copyOf(forms);
    }

    /** The contact object of the contracts (io.lossreview.contracts.Contact), as JSON. */
    public ObjectNode json() {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("title", title).put("email", email)
                .put("phone", phone);
    }

    public io.lossreview.contracts.Contact contact() {
        return new io.lossreview.contracts.Contact(name, title, email, phone);
    }
}
