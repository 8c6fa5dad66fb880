/** Where "open the query form" links go: the home page, with the form's disclosure open (#query). */
export const QUERY_FORM_HREF = '/#query';
