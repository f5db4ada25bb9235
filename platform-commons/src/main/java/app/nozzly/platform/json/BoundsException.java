package app.nozzly.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value of the right type but outside what the platform stores; its message says what is accepted. */
public class BoundsException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    BoundsException(JsonParser parser, String message) {
        super(parser, message);
    }
}
