package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import bookbot.core.job.Category;

class TaxonomyTest {

    private final Taxonomy taxonomy = new Taxonomy(FormSamples.TAXONOMY);

    @Test
    void aFormValueCarriesItsGroup() {
        assertThat(taxonomy.resolve(Taxonomy.valueOf("소설", "역사"))).contains(new Category("소설", "역사"));
        assertThat(taxonomy.resolve("인문/사회::역사/문학")).contains(new Category("인문/사회", "역사/문학"));
    }

    @Test
    void aBareNameFromTheOriginalBotsDialogIsResolvedWhenOnlyOneGroupHasIt() {
        assertThat(taxonomy.resolve("재테크/금융/부동산")).contains(new Category("경영/경제", "재테크/금융/부동산"));
        assertThat(taxonomy.resolve("역사")).contains(new Category("소설", "역사"));
    }

    @Test
    void aBareNameThatTwoGroupsHaveIsNotGuessed() {
        assertThat(taxonomy.resolve("기타")).isEmpty();
        assertThat(taxonomy.resolve("종교::기타")).contains(new Category("종교", "기타"));
    }

    @Test
    void aGroupAndNameThatDoNotBelongTogetherAreRefused() {
        assertThat(taxonomy.resolve("경영/경제::SF")).isEmpty();
        assertThat(taxonomy.resolve("")).isEmpty();
        assertThat(taxonomy.resolve(null)).isEmpty();
    }
}
