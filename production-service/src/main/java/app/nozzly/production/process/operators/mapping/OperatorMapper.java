package app.nozzly.production.process.operators.mapping;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.production.process.operators.Operator;
import app.nozzly.production.process.operators.OperatorApi.OperatorView;

/** Operator entity -> operator view, with whether they may handle chemicals today. */
@ApplicationScoped
public class OperatorMapper {

    public OperatorView toView(Operator o) {
        return new OperatorView(o.id, o.name, o.employeeNumber, o.certifications, o.active,
                o.certifiedForChemicals(LocalDate.now(ZoneOffset.UTC)), o.createdAt, o.updatedAt);
    }
}
