/*
** The empty ledgers as one Excel workbook (bunkai template FILE.xlsx).
*/
#ifndef BUNKAI_TEMPLATE_XLSX_H
#define BUNKAI_TEMPLATE_XLSX_H

#include <stdio.h>

/* Write the workbook to fp: 0, or -1 after printing why. */
int template_xlsx(FILE *fp);

#endif
