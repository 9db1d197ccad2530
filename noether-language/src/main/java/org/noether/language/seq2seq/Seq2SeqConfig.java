package org.noether.language.seq2seq;

import org.noether.language.scan.Vocabulary;

/**
 * Sizes of a {@link Seq2Seq} model.
 *
 * <pre>{@code
 * Seq2SeqConfig c = Seq2SeqConfig.scan(Cell.GRU, 64, true);   // SCAN vocabularies, hidden 64, bidirectional encoder
 * }</pre>
 *
 * @param cell              GRU or LSTM, used in encoder and decoder
 * @param sourceVocabulary  number of input tokens, special tokens included
 * @param targetVocabulary  number of output tokens, special tokens included ({@link Vocabulary#PAD}, {@link
 *                          Vocabulary#SOS}, {@link Vocabulary#EOS} are 0, 1, 2)
 * @param embedding         width of the token embeddings
 * @param hidden            width of every recurrent state
 * @param bidirectional     whether the encoder reads the command in both directions
 * @param maxLength         most output tokens greedy decoding produces, EOS included
 */
public record Seq2SeqConfig(
        Cell cell,
        int sourceVocabulary,
        int targetVocabulary,
        int embedding,
        int hidden,
        boolean bidirectional,
        int maxLength) {

    /** Longest SCAN action sequence (48) plus EOS, with one spare step. */
    public static final int SCAN_MAX_LENGTH = 50;

    public Seq2SeqConfig {
        if (cell == null) throw new IllegalArgumentException("cell must be GRU or LSTM, got null");
        if (sourceVocabulary <= Vocabulary.EOS || targetVocabulary <= Vocabulary.EOS)
            throw new IllegalArgumentException("vocabularies need more than the 3 special tokens, got source "
                    + sourceVocabulary + " and target " + targetVocabulary);
        if (embedding < 1 || hidden < 1)
            throw new IllegalArgumentException(
                    "embedding and hidden sizes must be >= 1, got " + embedding + " and " + hidden);
        if (maxLength < 1) throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }

    /** A model for SCAN's command and action vocabularies, embedding width equal to {@code hidden}. */
    public static Seq2SeqConfig scan(Cell cell, int hidden, boolean bidirectional) {
        return new Seq2SeqConfig(
                cell,
                Vocabulary.commands().size(),
                Vocabulary.actions().size(),
                hidden,
                hidden,
                bidirectional,
                SCAN_MAX_LENGTH);
    }

    /** Width of the encoder's per-position outputs that attention reads. */
    public int memoryWidth() {
        return bidirectional ? 2 * hidden : hidden;
    }

    /** A short tag for file names, e.g. {@code gru-h64-bi}. */
    public String tag() {
        return cell.name().toLowerCase(java.util.Locale.ROOT) + "-e" + embedding + "-h" + hidden
                + (bidirectional ? "-bi" : "-uni") + "-v" + sourceVocabulary + "x" + targetVocabulary;
    }
}
