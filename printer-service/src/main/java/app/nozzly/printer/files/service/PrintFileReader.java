package app.nozzly.printer.files.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.nozzly.printer.driver.PrintFileMetadata;

/**
 * Reads what slicers write into print files: Bambu Studio projects (.3mf: plate G-code header and config blocks,
 * Metadata/slice_info.config, Metadata/plate_1.png), PrusaSlicer binary G-code (.bgcode, libbgcode: metadata blocks
 * and PNG thumbnail blocks) and plain G-code ("; key = value" comments, base64 thumbnail blocks).
 * A file it cannot read has no metadata; it never fails.
 */
public final class PrintFileReader {

    private static final Pattern PAIR = Pattern.compile("\\s*([^=:]+?)\\s*[=:]\\s*(.*?)\\s*");
    private static final Pattern SLICE_INFO = Pattern.compile("<metadata key=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FILAMENT = Pattern.compile("<filament [^>]*type=\"([^\"]+)\"");
    private static final Pattern THUMBNAIL = Pattern.compile(
            "; thumbnail begin (\\d+)x(\\d+) \\d+\\r?\\n(.*?); thumbnail end", Pattern.DOTALL);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*([dhms])");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final int BGCODE_THUMBNAIL = 5;
    private static final int BGCODE_GCODE = 1;
    private static final int PNG = 0;

    private PrintFileReader() {
    }

    /** What a print file says about itself and the preview it embeds (null when none). */
    public record Contents(PrintFileMetadata metadata, byte[] thumbnail) {

        static final Contents NONE = new Contents(PrintFileMetadata.NONE, null);
    }

    public static Contents read(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".3mf")) {
                return threeMf(content);
            }
            if (lower.endsWith(".bgcode") || lower.endsWith(".bgc")) {
                return bgcode(content);
            }
            if (lower.endsWith(".gcode") || lower.endsWith(".gco") || lower.endsWith(".g")) {
                String text = new String(content, StandardCharsets.ISO_8859_1);
                return new Contents(metadata(comments(text)), largestThumbnail(text));
            }
        } catch (IOException | RuntimeException e) {
            return Contents.NONE;
        }
        return Contents.NONE;
    }

    /** A Bambu Studio project: the first plate's slice info, G-code comments and preview. */
    private static Contents threeMf(byte[] content) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        byte[] thumbnail = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String entryName = entry.getName();
                if (entryName.equals("Metadata/slice_info.config")) {
                    String config = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher item = SLICE_INFO.matcher(config);
                    while (item.find()) {
                        values.putIfAbsent("slice." + item.group(1), item.group(2));
                    }
                    Matcher filament = FILAMENT.matcher(config);
                    if (filament.find()) {
                        values.putIfAbsent("filament_type", filament.group(1));
                    }
                } else if (entryName.matches("Metadata/plate_\\d+\\.gcode") && !values.containsKey("gcode")) {
                    values.put("gcode", "read");
                    comments(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).forEach(values::putIfAbsent);
                } else if (entryName.equals("Metadata/plate_1.png")) {
                    thumbnail = zip.readAllBytes();
                }
            }
        }
        Integer printTime = integer(values.get("slice.prediction"));
        if (printTime == null) {
            printTime = seconds(values.get("total estimated time"));
        }
        Double grams = number(values.get("slice.weight"));
        if (grams == null) {
            grams = number(values.get("total filament weight [g]"));
        }
        String support = values.getOrDefault("slice.support_used", values.get("enable_support"));
        return new Contents(new PrintFileMetadata(printTime, number(values.get("layer_height")),
                integer(values.get("total layer number")), integer(values.get("sparse_infill_density")),
                support == null ? null : "true".equalsIgnoreCase(support) || "1".equals(support),
                first(values.get("filament_type")), integer(values.get("nozzle_temperature")),
                integer(values.getOrDefault("hot_plate_temp", values.get("textured_plate_temp"))), grams), thumbnail);
    }

    /** libbgcode: "GCDE", version, checksum type; blocks of header, parameters, data and an optional CRC32. */
    private static Contents bgcode(byte[] content) {
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        if (content.length < 10 || buffer.getInt() != 0x45444347) {
            return Contents.NONE;
        }
        buffer.getInt();
        int checksumSize = buffer.getShort() == 1 ? 4 : 0;
        Map<String, String> values = new LinkedHashMap<>();
        byte[] thumbnail = null;
        int thumbnailArea = 0;
        while (buffer.remaining() >= 8) {
            int type = buffer.getShort();
            int compression = buffer.getShort();
            int size = buffer.getInt();
            if (compression != 0) {
                size = buffer.getInt();
            }
            if (type == BGCODE_GCODE) {
                break;
            }
            if (type == BGCODE_THUMBNAIL) {
                int format = buffer.getShort();
                int area = buffer.getShort() * buffer.getShort();
                byte[] data = take(buffer, size);
                if (format == PNG && compression == 0 && area > thumbnailArea) {
                    thumbnail = data;
                    thumbnailArea = area;
                }
            } else {
                buffer.getShort();
                byte[] data = take(buffer, size);
                if (compression == 0) {
                    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                        int equals = line.indexOf('=');
                        if (equals > 0) {
                            values.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                        }
                    }
                }
            }
            buffer.position(Math.min(buffer.limit(), buffer.position() + checksumSize));
        }
        return new Contents(metadata(values), thumbnail);
    }

    private static byte[] take(ByteBuffer buffer, int size) {
        byte[] data = new byte[Math.min(Math.max(size, 0), buffer.remaining())];
        buffer.get(data);
        return data;
    }

    /** PrusaSlicer's keys (binary metadata blocks and G-code comments alike). */
    private static PrintFileMetadata metadata(Map<String, String> values) {
        Double layerHeight = number(values.get("layer_height"));
        Double maxZ = number(values.get("max_layer_z"));
        Integer layers = layerHeight == null || maxZ == null || layerHeight <= 0 ? null
                : (int) Math.round(maxZ / layerHeight);
        String support = values.get("support_material");
        return new PrintFileMetadata(seconds(values.get("estimated printing time (normal mode)")), layerHeight,
                layers, integer(values.get("fill_density")), support == null ? null : !"0".equals(support.trim()),
                first(values.get("filament_type")), integer(values.get("temperature")),
                integer(values.get("bed_temperature")), number(values.get("filament used [g]")));
    }

    /** "; key = value" and "; key: value" comments; Bambu writes several per line, split by ';'. */
    private static Map<String, String> comments(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith(";")) {
                continue;
            }
            for (String piece : line.substring(1).split(";")) {
                Matcher pair = PAIR.matcher(piece);
                if (pair.matches()) {
                    values.putIfAbsent(pair.group(1), pair.group(2));
                }
            }
        }
        return values;
    }

    private static byte[] largestThumbnail(String text) {
        byte[] largest = null;
        int largestArea = 0;
        Matcher block = THUMBNAIL.matcher(text);
        while (block.find()) {
            int area = Integer.parseInt(block.group(1)) * Integer.parseInt(block.group(2));
            if (area > largestArea) {
                largest = Base64.getMimeDecoder().decode(block.group(3).replace(";", ""));
                largestArea = area;
            }
        }
        return largest;
    }

    /** "1h 2m 3s" (or "1d 2h ...") in seconds. */
    static Integer seconds(String text) {
        if (text == null) {
            return null;
        }
        long total = 0;
        boolean found = false;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            found = true;
            long value = Long.parseLong(part.group(1));
            total += switch (part.group(2)) {
                case "d" -> value * 86_400;
                case "h" -> value * 3_600;
                case "m" -> value * 60;
                default -> value;
            };
        }
        return found && total <= Integer.MAX_VALUE ? (int) total : null;
    }

    /** The first value of a per-extruder list ("PLA;PETG" or "PLA,PETG"). */
    private static String first(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.split("[;,]")[0].trim();
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        Matcher number = NUMBER.matcher(value);
        return number.find() ? Double.valueOf(number.group()) : null;
    }

    private static Integer integer(String value) {
        Double number = number(value);
        return number == null || Math.abs(number) > Integer.MAX_VALUE ? null : (int) Math.round(number);
    }
}
