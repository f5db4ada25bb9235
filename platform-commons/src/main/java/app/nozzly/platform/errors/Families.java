package app.nozzly.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The error families the specs define, available to every service. */
final class Families {

    private Families() {
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description(description);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description)
                .additionalPropertiesSchema(OASFactory.createSchema());
    }

    /** RFC 9457 problem details; the details become extension members. */
    @ApplicationScoped
    static class ProblemDetails implements ErrorFamily {

        static final String TYPE_BASE = "https://api.nozzly.app/problems/";

        @Override
        public String name() {
            return "problem";
        }

        @Override
        public Object body(ApiError error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TYPE_BASE + error.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            body.put("title", Statuses.reason(error.status()));
            body.put("status", error.status());
            body.put("detail", error.message());
            body.put("code", error.code());
            body.put("request_id", error.requestId());
            error.details().forEach(body::putIfAbsent);
            return body;
        }

        @Override
        public String mediaType() {
            return "application/problem+json";
        }

        @Override
        public Schema schema() {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("RFC 9457 problem details; details of the error are further members")
                    .addProperty("type", string("URI of the problem type"))
                    .addProperty("title", string("the status' reason phrase"))
                    .addProperty("status", integer("the HTTP status"))
                    .addProperty("detail", string("what is wrong, for the person reading it"))
                    .addProperty("code", string("machine-readable code, e.g. VALIDATION_ERROR, NOT_FOUND, CONFLICT"))
                    .addProperty("request_id", string("the request's id, as in X-Request-Id"))
                    .required(List.of("type", "title", "status", "detail"))
                    .additionalPropertiesSchema(OASFactory.createSchema());
        }
    }

    /** specs/002 "Error Responses": {"error": message, "status": code}. */
    @ApplicationScoped
    static class MessageAndStatus implements ErrorFamily {

        @Override
        public String name() {
            return "message-status";
        }

        @Override
        public Object body(ApiError error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error.message());
            body.put("status", error.status());
            return body;
        }

        @Override
        public Schema schema() {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("specs/002 error")
                    .addProperty("error", string("what is wrong"))
                    .addProperty("status", integer("the HTTP status"))
                    .required(List.of("error", "status"));
        }
    }

    /** specs/003 "Standard Error Response Format": {"error": {code, message, details, timestamp, request_id}}. */
    @ApplicationScoped
    static class ErrorObject implements ErrorFamily {

        @Override
        public String name() {
            return "error-object";
        }

        @Override
        public Object body(ApiError error) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("code", error.code());
            inner.put("message", error.message());
            inner.put("details", error.details());
            inner.put("timestamp", error.timestamp().toString());
            inner.put("request_id", error.requestId());
            return Map.of("error", inner);
        }

        @Override
        public Schema schema() {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("specs/003 error")
                    .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                            .addProperty("code", string("e.g. PRINTER_OFFLINE, VALIDATION_ERROR, NOT_FOUND"))
                            .addProperty("message", string("what is wrong"))
                            .addProperty("details", object("ids, fields and limits of the error"))
                            .addProperty("timestamp", string("when it happened (ISO 8601)"))
                            .addProperty("request_id", string("the request's id, as in X-Request-Id"))
                            .required(List.of("code", "message", "details", "timestamp", "request_id")))
                    .required(List.of("error"));
        }
    }

    /** specs/001: {"error": {code, message, details}}, codes PROD001-PROD012 and the platform's. */
    @ApplicationScoped
    static class CodedError implements ErrorFamily {

        @Override
        public String name() {
            return "coded-error";
        }

        @Override
        public Object body(ApiError error) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("code", error.code());
            inner.put("message", error.message());
            Map<String, Object> details = new LinkedHashMap<>(error.details());
            details.putIfAbsent("request_id", error.requestId());
            inner.put("details", details);
            return Map.of("error", inner);
        }

        @Override
        public Schema schema() {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("specs/001 error")
                    .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                            .addProperty("code", string("PROD001-PROD012 or VALIDATION_ERROR, NOT_FOUND, ..."))
                            .addProperty("message", string("what is wrong"))
                            .addProperty("details", object("ids, fields and the request_id"))
                            .required(List.of("code", "message", "details")))
                    .required(List.of("error"));
        }
    }
}
