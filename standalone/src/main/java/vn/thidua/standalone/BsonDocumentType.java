package vn.thidua.standalone;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded read-model store keeps a document in its file: as BSON, the bytes the wire protocol carries.
 * <p>
 * The stock H2 backend leaves a collection's documents to H2's {@link ObjectDataType}, which knows no document type
 * and writes each through Java serialization ({@code ObjectOutputStream}: class descriptors and a boxed object per
 * field). The file of the million-event benchmark held 16 GB of read models for 833 MB of events, and every document
 * read from the file went through an {@code ObjectInputStream}.
 * <p>
 * A value written here starts with {@value #BSON}, a tag {@link ObjectDataType} never writes (its tags end at 119);
 * any other value is one the stock backend wrote, read by {@link ObjectDataType} as before. So a file written by the
 * stock backend, or before this type, opens as it is, and each document moves to BSON when it is next written.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final byte BSON = 127;

    /** Grown once per writing thread (H2's serialization thread, mostly), not for every document. */
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(64 << 10));
    private static final int KEEP_AT_MOST = 1 << 20;

    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int getMemory(Document document) {
        // called on a sample of the documents only (H2 estimates the rest from the average)
        return 24 + 2 * size(document); // decoded, a document takes about twice its bytes
    }

    /** The size of the document's BSON. */
    static int size(Document document) {
        return encoded(document).writerIndex();
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bytes = encoded(document);
        buff.put(BSON).put(bytes.array(), bytes.arrayOffset(), bytes.writerIndex());
    }

    /** The document's BSON, in this thread's buffer (valid until the thread's next call). */
    private static ByteBuf encoded(Document document) {
        ByteBuf bytes = BUFFER.get();
        if (bytes.capacity() > KEEP_AT_MOST) {
            bytes = Unpooled.buffer(64 << 10); // an outsized document's buffer is not kept
            BUFFER.set(bytes);
        }
        bytes.clear();
        BsonEncoder.encodeDocument(document, bytes);
        return bytes;
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return (Document) serialized.read(buff);
        }
        buff.get();
        ByteBuf bytes = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bytes);
        buff.position(buff.position() + bytes.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
