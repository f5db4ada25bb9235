package app.nozzly.platform.json;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How our APIs read request bodies: the service's own mapper (naming, modules) made strict. An unknown field,
 * a duplicate key, a number where an integer belongs, a null for a primitive or a value beyond
 * {@link BoundedValues} answers 400 naming the field. Server side only: REST clients, Kafka consumers and
 * printer drivers keep the tolerant application mapper (a newer producer may add fields).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Singleton
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public RequestJson(ObjectMapper application) {
        ObjectMapper copy = application.copy();
        copy.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        copy.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        copy.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        copy.registerModule(new BoundedValues());
        this.strict = copy;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
