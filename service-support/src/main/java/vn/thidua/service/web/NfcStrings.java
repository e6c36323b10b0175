package vn.thidua.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.Texts;

import java.io.IOException;
import java.text.Normalizer;

/**
 * Vietnamese text is stored as given but in NFC: a name typed with combining marks ("Bố" as o + ◌̂ + ◌́) and the
 * same name typed precomposed become one string. Applied to every string of a request body; Spring Boot registers
 * this module with the web ObjectMapper only, never with the event serializer. A string that is not valid Unicode
 * (a lone surrogate, a control character) is refused.
 */

public class NfcStrings extends SimpleModule {

    public NfcStrings() {
        super("nfc-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (value != null && !Texts.isValidUnicode(value)) {
                    throw new DomainRuleException(Refusal.INVALID_TEXT, null, "JSON");
                }
                return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
            }
        });
    }
}
