package app.nozzly.production.runs.service;

import java.util.List;

import app.nozzly.production.runs.RunViews.FailureReason;

/** The failure reasons a failed run may name (specs/000 "Get Failure Reasons"). */
public final class FailureReasons {

    public static final List<FailureReason> ALL = List.of(
            new FailureReason("layer_adhesion", "Layer Adhesion Failure", "Layers not bonding properly"),
            new FailureReason("bed_adhesion", "Bed Adhesion Failure", "Print detached from bed"),
            new FailureReason("stringing", "Excessive Stringing", "Too much stringing between parts"),
            new FailureReason("warping", "Warping", "Corners or edges lifted and deformed"),
            new FailureReason("nozzle_clog", "Nozzle Clog", "Extrusion stopped or became inconsistent"),
            new FailureReason("under_extrusion", "Under-Extrusion", "Gaps or weak walls from too little filament"),
            new FailureReason("spaghetti", "Spaghetti Failure", "Print came loose and extruded into the air"),
            new FailureReason("filament_runout", "Filament Runout", "Spool ran out or filament broke"),
            new FailureReason("layer_shift", "Layer Shift", "Layers misaligned along X or Y"),
            new FailureReason("power_failure", "Power Failure", "Printer lost power during the print"),
            new FailureReason("printer_error", "Printer Error", "Firmware or hardware error stopped the print"),
            new FailureReason("other", "Other", "Any other cause; describe it in the notes"));

    private FailureReasons() {
    }

    public static boolean isKnown(String value) {
        return ALL.stream().anyMatch(r -> r.value().equals(value));
    }
}
