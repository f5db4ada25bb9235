package app.nozzly.production.runs.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.support.Sequences;

/**
 * Run numbers YYYYMMDD-NNN per tenant and day (specs/000 "Create Production Run": "Auto-generated as YYYYMMDD-NNN
 * if not provided"), counted by the tenant's sequence run-YYYYMMDD. A number a user chose by hand may already hold
 * the next counter value: it is skipped.
 */
@ApplicationScoped
public class RunNumbers {

    @Inject
    Sequences sequences;

    public String next(LocalDate day) {
        String number;
        do {
            number = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%03d", sequences.next(sequence(day)));
        } while (taken(number));
        return number;
    }

    public boolean taken(String runNumber) {
        return ProductionRun.count("runNumber", runNumber) > 0;
    }

    /** The sequence counting the run numbers of a day. */
    public static String sequence(LocalDate day) {
        return "run-" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
