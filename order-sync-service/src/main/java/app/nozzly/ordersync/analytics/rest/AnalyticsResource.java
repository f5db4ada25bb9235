package app.nozzly.ordersync.analytics.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.ordersync.analytics.mapping.AnalyticsViews;
import app.nozzly.ordersync.analytics.service.AnalyticsService;
import app.nozzly.ordersync.common.Params;

/** specs/002 Analytics: /analytics/dashboard and /analytics/revenue; /analytics/margin of production cost. */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
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
    public AnalyticsViews.RevenueReport revenue(@QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("period") String period) {
        return analytics.revenue(period == null || period.isBlank() ? "daily" : period,
                Params.date("start_date", startDate), Params.date("end_date", endDate));
    }

    /** Margin per period over the orders whose production runs gave them a cost of goods (README, Analytics). */
    @GET
    @Path("/margin")
    public AnalyticsViews.MarginReport margin(@QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("period") String period) {
        return analytics.margin(period == null || period.isBlank() ? "daily" : period,
                Params.date("start_date", startDate), Params.date("end_date", endDate));
    }
}
