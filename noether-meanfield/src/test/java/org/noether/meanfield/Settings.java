package org.noether.meanfield;

import java.util.List;
import org.noether.group.SymmetricGroup;
import org.noether.representation.Representations;

/** The settings the tests run on: the paper's, the dihedral one, and a classic unit under S3. */
final class Settings {
    private Settings() {}

    static final MeanFieldSetting PAPER = MeanFieldSetting.paper();
    static final MeanFieldSetting D4 = MeanFieldSetting.dihedralMatrices(4);
    static final MeanFieldSetting CLASSIC_S3 = classicS3();

    static List<MeanFieldSetting> all() {
        return List.of(PAPER, D4, CLASSIC_S3);
    }

    private static MeanFieldSetting classicS3() {
        SymmetricGroup s3 = new SymmetricGroup(3);
        return MeanFieldSetting.classic(s3, Representations.permutation(s3), Representations.trivial(s3));
    }
}
