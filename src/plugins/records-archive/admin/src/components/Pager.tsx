import { Button, Flex, Typography } from '@strapi/design-system';
import type { Pagination } from '../api/client';
import { useT } from '../utils/translations';

/** Previous / next page with «страница N из M»; nothing when everything fits on one page. */
export const Pager = ({ pagination, onPage }: { pagination: Pagination | undefined; onPage: (page: number) => void }) => {
  const { t } = useT();
  if (!pagination || pagination.pageCount <= 1) return null;
  return (
    <Flex justifyContent="flex-end" gap={2} paddingTop={4}>
      <Button variant="tertiary" size="S" disabled={pagination.page <= 1} onClick={() => onPage(pagination.page - 1)}>
        {t('pager.previous', 'Назад')}
      </Button>
      <Typography variant="pi">
        {t('pager.page', 'Страница {page} из {pageCount}', { page: pagination.page, pageCount: pagination.pageCount })}
      </Typography>
      <Button variant="tertiary" size="S" disabled={pagination.page >= pagination.pageCount} onClick={() => onPage(pagination.page + 1)}>
        {t('pager.next', 'Вперёд')}
      </Button>
    </Flex>
  );
};
