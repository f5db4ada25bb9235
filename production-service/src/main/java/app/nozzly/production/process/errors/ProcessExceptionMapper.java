package app.nozzly.production.process.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** Renders {@link ProcessException}, a type only specs/001 code throws, as the PROD error body. */
@Provider
public class ProcessExceptionMapper implements ExceptionMapper<ProcessException> {

    private static final Logger LOG = Logger.getLogger(ProcessExceptionMapper.class);

    @Override
    public Response toResponse(ProcessException e) {
        if (e.status() >= 500) {
            LOG.warnf("production process answered %s: %s", e.code(), e.getMessage());
        } else {
            LOG.debugf("production process refused with %s: %s", e.code(), e.getMessage());
        }
        return ProcessErrors.response(e.status(), e.code(), e.getMessage(), e.details());
    }

    static Response json(int status, ProcessError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
