package app.nozzly.facilitysim.common;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.security.ForbiddenException;

/** The one error family of this service: every failure answers the specs/004 envelope in the caller's language. */
public class FacilityExceptionMappers {

    private static final Logger LOG = Logger.getLogger(FacilityExceptionMappers.class);

    @Inject
    LanguageResolver language;

    @Inject
    TenantContext tenants;

    @ServerExceptionMapper
    public Response business(FacilityException e) {
        Object data = e.data();
        if (!e.violations().isEmpty()) {
            data = errors(e.violations());
        } else if (data instanceof Violation violation) {
            data = errors(List.of(violation));
        }
        return envelope(e.code(), language.text(e.code().message()), data);
    }

    @ServerExceptionMapper
    public Response malformedInput(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return envelope(BusinessCode.FORBIDDEN, language.text(Msg.FORBIDDEN), null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        BusinessCode code = status == 400 ? BusinessCode.VALIDATION_ERROR : null;
        String message = language.text(Msg.HTTP_ERROR, Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : String.valueOf(status));
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiResponse<>(false, code != null ? code.code() : status * 10, message, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf(e, "unexpected failure for tenant %s", tenants.current().orElse("-"));
        return envelope(BusinessCode.INTERNAL_ERROR, language.text(Msg.INTERNAL_ERROR), null);
    }

    private Response malformed(Exception e) {
        LOG.debugf("malformed request body: %s", e.getMessage());
        return envelope(BusinessCode.VALIDATION_ERROR, language.text(Msg.VALIDATION_FAILED),
                errors(List.of(Violation.of("body", Msg.MALFORMED_BODY))));
    }

    private Map<String, Object> errors(List<Violation> violations) {
        return Map.of("errors", violations.stream()
                .map(v -> new FieldError(v.field(), language.text(v.reason(), v.args().toArray())))
                .toList());
    }

    private static Response envelope(BusinessCode code, String message, Object data) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON)
                .entity(ApiResponse.error(code, message, data)).build();
    }

    /** specs/004 validation error item. */
    public record FieldError(String field, String reason) {
    }
}
