package dev.quire.spi.search;

/** A retrieved chunk with its fused score (higher is better). */
public record ChunkHit(IndexedChunk chunk, double score) {
}
