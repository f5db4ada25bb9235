package app.nozzly.printer.statistics.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.api.CalendarDate;
import app.nozzly.printer.printers.service.PrinterService;
import app.nozzly.printer.statistics.Period;
import app.nozzly.printer.statistics.api.StatisticsApi.Overview;
import app.nozzly.printer.statistics.api.StatisticsApi.PrinterStatistics;
import app.nozzly.printer.statistics.service.StatisticsService;

/** specs/003 section 5, Statistics &amp; Analytics: viewers read. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    PrinterService printers;

    @GET
    @Path("/overview")
    public Overview overview(@QueryParam("period") Period period,
            @QueryParam("start_date") @CalendarDate LocalDate startDate,
            @QueryParam("end_date") @CalendarDate LocalDate endDate) {
        return statistics.overview(period, startDate, endDate);
    }

    @GET
    @Path("/printers/{printer_id}")
    public PrinterStatistics printer(@PathParam("printer_id") String printerId, @QueryParam("period") Period period,
            @QueryParam("start_date") @CalendarDate LocalDate startDate,
            @QueryParam("end_date") @CalendarDate LocalDate endDate) {
        return statistics.printer(printers.find(printerId), period, startDate, endDate);
    }
}
