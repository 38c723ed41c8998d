package dev.quire.index.lucene;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Binary encodings of the chunk parts that have no natural single stored field (ordered lists,
 * typed attribute maps, the ACL, the vector), so a hit rebuilds exactly the {@code IndexedChunk}
 * that was written. Length-prefixed binary rather than delimiters: user strings may contain any
 * character.
 */
final class StoredCodec {
    private static final byte STRING = 1;
    private static final byte STRING_LIST = 2;
    private static final byte LONG = 3;
    private static final byte DATE = 4;

    private StoredCodec() {
    }

    static BytesRef encodeStrings(List<String> values) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        writeStrings(out, values);
        return new BytesRef(out.toArrayCopy());
    }

    static List<String> decodeStrings(BytesRef bytes) {
        try {
            return readStrings(input(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BytesRef encodeAttributes(Map<String, AttributeValue> attributes) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            Map<String, AttributeValue> sorted = new TreeMap<>(attributes);
            out.writeVInt(sorted.size());
            for (Map.Entry<String, AttributeValue> e : sorted.entrySet()) {
                out.writeString(e.getKey());
                AttributeValue v = e.getValue();
                if (v.stringValue() != null) {
                    out.writeByte(STRING);
                    out.writeString(v.stringValue());
                } else if (v.stringListValue() != null) {
                    out.writeByte(STRING_LIST);
                    writeStrings(out, v.stringListValue());
                } else if (v.longValue() != null) {
                    out.writeByte(LONG);
                    out.writeLong(v.longValue());
                } else {
                    out.writeByte(DATE);
                    writeInstant(out, v.dateValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static Map<String, AttributeValue> decodeAttributes(BytesRef bytes) {
        try {
            return readAttributes(input(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> readAttributes(ByteArrayDataInput in) throws IOException {
                int n = in.readVInt();
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readString();
            byte type = in.readByte();
            AttributeValue value = switch (type) {
                case STRING -> AttributeValue.of(in.readString());
                case STRING_LIST -> AttributeValue.of(readStrings(in));
                case LONG -> AttributeValue.of(in.readLong());
                case DATE -> AttributeValue.of(readInstant(in));
                default -> throw new IllegalStateException("corrupt stored attribute type " + type);
            };
            result.put(name, value);
        }
        return result;
    }

    static BytesRef encodeAcl(AclTerms acl) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        writeStrings(out, List.copyOf(acl.deny()));
        try {
            out.writeVInt(acl.allowClauses().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Set<String> clause : acl.allowClauses()) {
            writeStrings(out, List.copyOf(clause));
        }
        return new BytesRef(out.toArrayCopy());
    }

    static AclTerms decodeAcl(BytesRef bytes) {
        try {
            return readAcl(input(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AclTerms readAcl(ByteArrayDataInput in) throws IOException {
        Set<String> deny = new LinkedHashSet<>(readStrings(in));
        int n = in.readVInt();
        List<Set<String>> clauses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            clauses.add(new LinkedHashSet<>(readStrings(in)));
        }
        return new AclTerms(deny, clauses);
    }

    static BytesRef encodeVector(float[] vector) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(vector.length);
            for (float f : vector) {
                out.writeInt(Float.floatToRawIntBits(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static float[] decodeVector(BytesRef bytes) {
        ByteArrayDataInput in = input(bytes);
        float[] vector = new float[in.readVInt()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = Float.intBitsToFloat(in.readInt());
        }
        return vector;
    }

    static BytesRef encodeInstant(Instant instant) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            writeInstant(out, instant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static Instant decodeInstant(BytesRef bytes) {
        try {
            return readInstant(input(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInstant(ByteBuffersDataOutput out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(ByteArrayDataInput in) throws IOException {
        long seconds = in.readLong();
        return Instant.ofEpochSecond(seconds, in.readInt());
    }

    private static void writeStrings(ByteBuffersDataOutput out, List<String> values) {
        try {
            out.writeVInt(values.size());
            for (String v : values) {
                out.writeString(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readStrings(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readString());
        }
        return values;
    }

    private static ByteArrayDataInput input(BytesRef bytes) {
        return new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    }
}
