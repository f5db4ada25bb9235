package app.nozzly.ordersync.analytics.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.ordersync.analytics.Period;
import app.nozzly.ordersync.analytics.mapping.AnalyticsViews;
import app.nozzly.ordersync.analytics.service.AnalyticsService;
import app.nozzly.ordersync.common.Params;
import app.nozzly.platform.security.Roles;

/**
 * specs/002 Analytics: /analytics/dashboard and /analytics/revenue; /analytics/margin of production cost. Reads, so a
 * viewer may see them: the dashboard every member of the shop opens shows this month's revenue and margin anyway.
 */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class AnalyticsResource {

    @Inject
    AnalyticsService analytics;

    @GET
    @Path("/dashboard")
    public AnalyticsViews.Dashboard dashboard() {
        return analytics.dashboard();
    }

    @GET
    @Path("/revenue")
    public AnalyticsViews.RevenueReport revenue(@QueryParam("start_date") Params.Day startDate,
            @QueryParam("end_date") Params.Day endDate, @QueryParam("period") @DefaultValue("daily") Period period) {
        return analytics.revenue(period, day(startDate), day(endDate));
    }

    /** Margin per period over the orders whose production runs gave them a cost of goods (README, Analytics). */
    @GET
    @Path("/margin")
    public AnalyticsViews.MarginReport margin(@QueryParam("start_date") Params.Day startDate,
            @QueryParam("end_date") Params.Day endDate, @QueryParam("period") @DefaultValue("daily") Period period) {
        return analytics.margin(period, day(startDate), day(endDate));
    }

    private static LocalDate day(Params.Day day) {
        return day == null ? null : day.value();
    }
}
