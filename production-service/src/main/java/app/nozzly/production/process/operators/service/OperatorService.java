package app.nozzly.production.process.operators.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.operators.Operator;
import app.nozzly.production.process.operators.OperatorApi.OperatorRequest;
import app.nozzly.production.process.operators.OperatorApi.OperatorView;
import app.nozzly.production.process.operators.mapping.OperatorMapper;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/** The operator registry and the specs/001 rule "operadores deben estar certificados para manejar químicos". */
@ApplicationScoped
@Transactional
public class OperatorService {

    @Inject
    OperatorMapper mapper;

    public OperatorView create(OperatorRequest request) {
        Operator operator = new Operator();
        operator.id = UUID.randomUUID();
        operator.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(operator, request);
        operator.persist();
        return mapper.toView(operator);
    }

    public OperatorView update(UUID id, OperatorRequest request) {
        Operator operator = find(id);
        apply(operator, request);
        return mapper.toView(operator);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OperatorView get(UUID id) {
        return mapper.toView(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OperatorView> list(PageRequest page) {
        return Page.of(Operator.<Operator>findAll(Sort.by("name").and("id")), page, mapper::toView);
    }

    /** The operator, certified for chemicals today, or PROD012. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Operator requireCertified(UUID id) {
        Operator operator = id == null ? null : Operator.findById(id);
        if (operator == null) {
            throw new ProcessException(ProcessErrorCode.PROD012,
                    "operator " + id + " is not registered, so not certified to handle chemicals",
                    Map.of("operator_id", String.valueOf(id)));
        }
        if (!operator.certifiedForChemicals(LocalDate.now(ZoneOffset.UTC))) {
            throw new ProcessException(ProcessErrorCode.PROD012,
                    "operator " + operator.name + " (" + id + ") has no valid " + Operator.CHEMICAL_HANDLING
                            + " certification",
                    Map.of("operator_id", id.toString(), "required_certification", Operator.CHEMICAL_HANDLING));
        }
        return operator;
    }

    private static Operator find(UUID id) {
        return ProcessException.requireFound(Operator.findById(id), ProcessErrorCode.OPERATOR_NOT_FOUND,
                "operator", "operator_id", id);
    }

    private static void apply(Operator operator, OperatorRequest request) {
        operator.name = request.name().trim();
        operator.employeeNumber = request.employeeNumber();
        operator.certifications = List.copyOf(request.certifications());
        operator.active = request.active() == null || request.active();
        operator.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
