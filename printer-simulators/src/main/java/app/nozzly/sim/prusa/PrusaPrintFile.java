package app.nozzly.sim.prusa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the printer reads from a stored print file, as PrusaLink shows it: the slicer's metadata (binary G-code INI
 * blocks, or "; key = value" comments of plain G-code) and the embedded PNG thumbnails.
 */
record PrusaPrintFile(Map<String, String> metadata, List<Thumbnail> thumbnails) {

    private static final Pattern COMMENT = Pattern.compile("^;\\s*([^=;]+?)\\s*=\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final int BLOCK_GCODE = 1;
    private static final int BLOCK_THUMBNAIL = 5;
    private static final int FORMAT_PNG = 0;

    record Thumbnail(int width, int height, byte[] png) {
    }

    static PrusaPrintFile read(String name, byte[] content) {
        if (name.toLowerCase().endsWith(".bgcode") && content.length >= 10
                && new String(content, 0, 4, StandardCharsets.US_ASCII).equals("GCDE")) {
            return binary(content);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Matcher comment = COMMENT.matcher(new String(content, StandardCharsets.ISO_8859_1));
        while (comment.find()) {
            metadata.putIfAbsent(comment.group(1), comment.group(2));
        }
        return new PrusaPrintFile(metadata, List.of());
    }

    /** libbgcode: "GCDE", version, checksum type; then blocks of header, parameters, data and optional CRC32. */
    private static PrusaPrintFile binary(byte[] content) {
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(8);
        int checksumSize = buffer.getShort() == 1 ? 4 : 0;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Thumbnail> thumbnails = new ArrayList<>();
        while (buffer.remaining() >= 8) {
            int type = buffer.getShort();
            int compression = buffer.getShort();
            int size = buffer.getInt();
            if (compression != 0) {
                size = buffer.getInt();
            }
            if (type == BLOCK_THUMBNAIL) {
                int format = buffer.getShort();
                int width = buffer.getShort();
                int height = buffer.getShort();
                byte[] data = slice(buffer, size);
                if (format == FORMAT_PNG && compression == 0) {
                    thumbnails.add(new Thumbnail(width, height, data));
                }
            } else {
                buffer.getShort();
                byte[] data = slice(buffer, size);
                if (type != BLOCK_GCODE && compression == 0) {
                    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                        int equals = line.indexOf('=');
                        if (equals > 0) {
                            metadata.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                        }
                    }
                }
            }
            buffer.position(Math.min(buffer.limit(), buffer.position() + checksumSize));
        }
        return new PrusaPrintFile(metadata, thumbnails);
    }

    private static byte[] slice(ByteBuffer buffer, int size) {
        byte[] data = new byte[Math.min(size, buffer.remaining())];
        buffer.get(data);
        return data;
    }

    Optional<Thumbnail> smallest() {
        return thumbnails.stream().min(Comparator.comparingInt(t -> t.width() * t.height()));
    }

    Optional<Thumbnail> largest() {
        return thumbnails.stream().max(Comparator.comparingInt(t -> t.width() * t.height()));
    }
}
