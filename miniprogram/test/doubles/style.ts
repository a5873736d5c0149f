// Stylesheets have no behaviour under test.
export default {};
