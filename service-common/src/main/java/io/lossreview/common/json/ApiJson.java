package io.lossreview.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.lossreview.contracts.ContractJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The services' REST JSON follows the event contracts: ISO dates, no nulls, and every decimal as a
 * plain string ("7800.00"), so money keeps its exact value and scale in any client, JavaScript included.
 * Request bodies are read under the input rules besides ({@link RestJson}).
 */
@Singleton
public class ApiJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ContractJson.configure(mapper);
        mapper.registerModule(new SimpleModule("decimal-strings").addSerializer(BigDecimal.class, new PlainDecimal()));

    }

    /** BigDecimal as its plain string. */
    static final class PlainDecimal extends StdSerializer<BigDecimal> {

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
