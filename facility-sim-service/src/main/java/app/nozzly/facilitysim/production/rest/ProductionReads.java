package app.nozzly.facilitysim.production.rest;

import jakarta.inject.Inject;

import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.production.mapping.ProductionMapper;
import app.nozzly.facilitysim.production.service.ProductionQueryService;

/** What every resource reading production needs: the queries, the caller's team scope and the caller's language. */
abstract class ProductionReads {

    @Inject
    ProductionQueryService queries;

    @Inject
    ProductionMapper mapper;

    @Inject
    LanguageResolver language;

    @Inject
    Caller caller;
}
