package io.lossreview.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Violation;
import java.io.IOException;

/**
 * Every text a service reads from JSON (request bodies first of all) under the input rules: no
 * C0 control character but tab, CR and LF, no unpaired surrogate. What PostgreSQL would refuse
 * with a 500 is a 400 naming the field and the rule instead.
 */
public final class GuardedText extends StdScalarDeserializer<String> {

    GuardedText() {
        super(String.class);
    }

    /** A broken input rule, with the rule's name for the problem answer. */
    public static final class RuleBroken extends JsonMappingException {

        private final String rule;
        private final String field;

        RuleBroken(JsonParser parser, Violation violation) {
            super(parser, violation.message());
            this.rule = violation.rule();
            this.field = parser.getParsingContext().pathAsPointer().toString();
        }

        public String rule() {
            return rule;
        }

        /** The JSON pointer of the text, e.g. "/name". */
        public String field() {
            return field;
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        Violation broken = InputGuard.text(text, "");
        if (broken != null) {
            throw new RuleBroken(parser, broken);
        }
        return text;
    }
}
