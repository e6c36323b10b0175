package vn.thidua.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.text.Normalizer;

/**
 * Vietnamese text is stored as given but in NFC: a name typed with combining marks ("Bố" as o + ◌̂ + ◌́) and the
 * same name typed precomposed become one string. Applied to every string of a request body; Spring Boot registers
 * this module with the web ObjectMapper only, never with the event serializer.
 */

public class NfcStrings extends SimpleModule {

    public NfcStrings() {
        super("nfc-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
            }
        });
    }
}
