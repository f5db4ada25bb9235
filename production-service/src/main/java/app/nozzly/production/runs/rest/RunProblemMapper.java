package app.nozzly.production.runs.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.nozzly.production.runs.ProductionRunException;

/** The one global mapper of production runs: only our own exception type, as problem details. */
public class RunProblemMapper {

    @ServerExceptionMapper(ProductionRunException.class)
    public Response map(ProductionRunException e) {
        return Problems.of(e);
    }
}
