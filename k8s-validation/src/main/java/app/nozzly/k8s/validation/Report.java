package app.nozzly.k8s.validation;

import java.util.List;

/** The outcome of validating one overlay: how many objects it rendered and every problem found. */
public record Report(String overlay, int objects, List<String> problems) {

    public Report {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        if (passed()) {
            return overlay + ": " + objects + " objects, valid";
        }
        return overlay + ": " + problems.size() + " problem(s)\n  - " + String.join("\n  - ", problems);
    }
}
